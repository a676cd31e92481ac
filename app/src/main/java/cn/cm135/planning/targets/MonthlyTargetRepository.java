package cn.cm135.planning.targets;

import java.util.Optional;

import org.springframework.data.repository.Repository;

interface MonthlyTargetRepository extends Repository<MonthlyTarget, Long> {

    Optional<MonthlyTarget> findByCustomerManagerIdAndPeriod(String customerManagerId, String period);

    MonthlyTarget save(MonthlyTarget target);
}
