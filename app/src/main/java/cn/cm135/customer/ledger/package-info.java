/**
 * What a customer manager goes through with a retailer during the visit: the 动销台账
 * ({@link cn.cm135.customer.ledger.SalesLedgerService}) and the 商定总量 proposal for the coming month
 * ({@link cn.cm135.customer.ledger.NegotiatedQuantityService}).
 */
@NamedInterface("ledger")
package cn.cm135.customer.ledger;

import org.springframework.modulith.NamedInterface;
