package cn.cm135.organization;

import java.util.Map;

/**
 * What a sync of the organisation to Camunda changed.
 *
 * @param initialPasswords user id -> initial password of each user created by this sync
 * @param updated          number of existing users whose name or groups changed
 */
public record IdentitySyncResult(Map<String, String> initialPasswords, int updated) {

    public int created() {
        return initialPasswords.size();
    }
}
