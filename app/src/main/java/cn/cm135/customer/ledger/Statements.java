package cn.cm135.customer.ledger;

import java.util.UUID;

/** Helpers for the SQL of this package. */
final class Statements {

    private Statements() {
    }

    /**
     * The statement with a unique trailing comment, so that H2 parses it afresh instead of reusing a
     * cached prepared statement: H2 2.3.232 keeps stale parameter values inside WITH clauses of a reused
     * statement (h2database/h2database#4228) — the ledger of a second customer showed the first one's
     * specs. The cost is one parse per call of a per-customer query.
     */
    static String fresh(String sql) {
        return sql + "\n-- run " + UUID.randomUUID();
    }
}
