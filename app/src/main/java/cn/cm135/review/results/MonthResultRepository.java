package cn.cm135.review.results;

import org.springframework.data.jpa.repository.JpaRepository;

interface MonthResultRepository extends JpaRepository<MonthResult, MonthResult.Key> {
}
