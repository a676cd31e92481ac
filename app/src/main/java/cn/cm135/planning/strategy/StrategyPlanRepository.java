package cn.cm135.planning.strategy;

import java.util.Collection;
import java.util.List;
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

    /** {@link #findForUpdateByCustomerManagerIdAndPeriod} for several customer managers at once. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    List<StrategyPlan> findForUpdateByPeriodAndCustomerManagerIdInOrderByCustomerManagerId(String period,
            Collection<String> customerManagerIds);

    StrategyPlan save(StrategyPlan plan);

    List<StrategyPlan> saveAll(Iterable<StrategyPlan> plans);
}
