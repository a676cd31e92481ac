package cn.cm135.planning.strategy;

import cn.cm135.rules.Refusal;

/** A request that the strategy plan's rules refuse (see {@link Refusal}). */
public class StrategyException extends Refusal {

    private static final long serialVersionUID = 1L;

    StrategyException(Kind kind, String field, String message) {
        super(kind, field, message);
    }

    static StrategyException badInput(String field, String message) {
        return new StrategyException(Kind.INVALID, field, message);
    }

    static StrategyException missing(String message) {
        return new StrategyException(Kind.NOT_FOUND, null, message);
    }

    static StrategyException frozen(String message) {
        return new StrategyException(Kind.LOCKED, null, message);
    }
}
