package cn.cm135.imports;

/**
 * One column of an import file, known by its 中文 header (what Chinese exports carry) and its
 * snake_case English header.
 *
 * @param required a required column must be present in the header and filled in every row; an
 *                 optional one may be missing or blank
 * @param maxLength longest accepted text (the width of the database column), 0 for non-text values
 */
record Column(String chinese, String english, boolean required, int maxLength) {

    static Column required(String chinese, String english) {
        return new Column(chinese, english, true, 0);
    }

    static Column required(String chinese, String english, int maxLength) {
        return new Column(chinese, english, true, maxLength);
    }

    static Column optional(String chinese, String english) {
        return new Column(chinese, english, false, 0);
    }

    static Column optional(String chinese, String english, int maxLength) {
        return new Column(chinese, english, false, maxLength);
    }

    boolean matches(String header) {
        return chinese.equals(header) || english.equalsIgnoreCase(header);
    }

    /** How a missing column is named in an error: both names, so either header can be added. */
    String label() {
        return chinese + " (" + english + ")";
    }
}
