package cn.cm135.planning.workplan;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface MonthlyWorkPlanRepository extends JpaRepository<MonthlyWorkPlan, Long> {

    Optional<MonthlyWorkPlan> findByCustomerManagerIdAndPeriod(String customerManagerId, String period);
}
