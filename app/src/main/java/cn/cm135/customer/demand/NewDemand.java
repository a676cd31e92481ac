package cn.cm135.customer.demand;

/** A need to record: the customer (by id), its type, what the retailer asked for, and whether it's urgent. */
public record NewDemand(Long customerId, String needType, String content, Boolean urgent) {
}
