package cn.cm135.organization;

/** How new Camunda users get their first password. */
public enum InitialPasswords {
    /** Password = user id. Only for the demo dataset on the embedded database. */
    USER_ID,
    /** A random password, reported once to whoever ran the import; the user must change it. */
    RANDOM
}
