package cn.cm135.organization;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import cn.cm135.rules.Refusal;

/**
 * Who may see and change a customer manager's monthly work, the same rules as their tasks: the customer
 * manager themself, their market manager (read), the marketing centre and admins (read). Only the
 * customer manager changes their own work.
 */
@Component
public class StaffAccess {

    private final Organization organization;

    StaffAccess(Organization organization) {
        this.organization = organization;
    }

    public boolean canRead(Authentication user, String customerManagerId) {
        return user.getName().equals(customerManagerId) || isMarketManagerOf(user, customerManagerId)
                || has(user, Groups.MARKETING_CENTRE) || has(user, Groups.ADMIN);
    }

    /** @throws Refusal FORBIDDEN when {@link #canRead} says no */
    public void requireRead(Authentication user, String customerManagerId, String what) {
        if (!canRead(user, customerManagerId)) {
            throw Refusal.forbidden("只能查看本人或本团队客户经理的" + what);
        }
    }

    /** @throws Refusal FORBIDDEN unless the user is the customer manager */
    public void requireSelf(Authentication user, String customerManagerId, String what) {
        if (!user.getName().equals(customerManagerId)) {
            throw Refusal.forbidden("只有客户经理本人可以修改自己的" + what);
        }
    }

    public boolean isMarketManagerOf(Authentication user, String customerManagerId) {
        return organization.customerManager(customerManagerId)
                .map(cm -> user.getName().equals(cm.marketManagerId())).orElse(false);
    }

    private static boolean has(Authentication user, String group) {
        return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(group));
    }
}
