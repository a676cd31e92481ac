package cn.cm135.brand.targets;

/**
 * A customer who bought {@code priceClassVolume} 条 of the spec's price class in the three months before
 * the target month but none of the spec itself.
 */
public record SuggestedCustomer(String specCode, long customerId, String licenceNo, String name, int priceClassVolume) {
}
