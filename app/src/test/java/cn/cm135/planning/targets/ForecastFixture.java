package cn.cm135.planning.targets;

import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;

import cn.cm135.TestOrganization;

/**
 * One customer manager whose forecast for 2026-11 is worked out by hand.
 *
 * <pre>
 * Customer C1 (grade 26) orders spec S1 (key brand, 200 元/条) and S2 (100 元/条):
 *   month     S1  S2  volume  amount  key
 *   2025-08   10  20    30     4000    10   } same three months last year:
 *   2025-09   10  20    30     4000    10   }   V 90, A 12000, K 30
 *   2025-10   10  20    30     4000    10   }
 *   2025-11   20  30    50     7000    20   last year's same month: V 50, U 140
 *   2026-08   15  18    33     4800    15   } last three months:
 *   2026-09   12  24    36     4800    12   }   V 99, A 13800, K 39
 *   2026-10   12  18    30     4200    12   }
 *   2026-11    5   0     5     1000     5   the target month itself: ignored
 * volume      = 50 × 99/90 = 55 → rounded to tens (half-up) = 60
 * 单条值       = 140 × (13800/99) / (12000/90) = 140 × 1.045454… = 146.3636… → 146.36
 * key growth  = 39/30 − 1 = 30.00 %
 * visits      = C1 grade 26 → 4, C2 grade 20 → 2, C3 no grade → 1, C4 closed → 0: 7
 * Customer X1 of another customer manager orders 1000 条 in 2025-11: not counted.
 * </pre>
 */
public final class ForecastFixture {

    public static final String MONTH = "2026-11";

    public final String customerManager;
    public final String marketManager;
    public final String otherCustomerManager;

    public ForecastFixture(JdbcTemplate jdbc, String prefix) {
        TestOrganization org = new TestOrganization(jdbc, prefix);
        marketManager = org.department("D1", "mm1", "王市场");
        customerManager = org.customerManager("D1", "cm1", "李客户");
        otherCustomerManager = org.customerManager("D1", "cm2", "赵客户");
        org.spec("S1", "测试烟(硬)", "200", true);
        org.spec("S2", "测试烟(软)", "100", false);
        long c1 = org.customer("cm1", "C1", 26, "ACTIVE");
        org.customer("cm1", "C2", 20, "ACTIVE");
        org.customer("cm1", "C3", null, "ACTIVE");
        org.customer("cm1", "C4", 5, "CLOSED");
        long x1 = org.customer("cm2", "X1", 10, "ACTIVE");
        int[][] months = {{2025, 8, 10, 20}, {2025, 9, 10, 20}, {2025, 10, 10, 20}, {2025, 11, 20, 30},
                {2026, 8, 15, 18}, {2026, 9, 12, 24}, {2026, 10, 12, 18}, {2026, 11, 5, 0}};
        for (int[] m : months) {
            LocalDate day = LocalDate.of(m[0], m[1], 3);
            org.order(c1, "S1", day, m[2], "200");
            if (m[3] > 0) {
                org.order(c1, "S2", day.plusDays(7), m[3], "100");
            }
        }
        org.order(x1, "S1", LocalDate.of(2025, 11, 10), 1000, "200");
    }
}
