package cn.cm135.planning.targets;

import cn.cm135.rules.Refusal;

/** A request that the targets' rules refuse (see {@link Refusal}). */
public class TargetException extends Refusal {

    private static final long serialVersionUID = 1L;

    TargetException(Kind kind, String field, String message) {
        super(kind, field, message);
    }
}
