package cn.cm135.planning.visits;

/** 商定总量 of one customer and key spec set by the customer manager, with the required reason. */
public record NegotiatedOverride(Long customerId, String specCode, Integer quantity, String reason) {
}
