package cn.cm135.planning.strategy;

import java.util.Optional;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.repository.Repository;

import jakarta.persistence.LockModeType;

interface StrategyPlanRepository extends Repository<StrategyPlan, Long> {

    Optional<StrategyPlan> findByCustomerManagerIdAndPeriod(String customerManagerId, String period);

    /**
     * The plan, row-locked until the transaction ends: generating, adjusting and deciding a plan are
     * serialized, so a submit can't slip between reading the plan's state and changing its strategies.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<StrategyPlan> findForUpdateByCustomerManagerIdAndPeriod(String customerManagerId, String period);

    StrategyPlan save(StrategyPlan plan);
}
