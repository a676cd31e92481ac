package cn.cm135.planning.approval;

import java.util.List;

import org.springframework.data.repository.Repository;

interface ApprovalDecisionRepository extends Repository<ApprovalDecision, Long> {

    ApprovalDecision save(ApprovalDecision decision);

    List<ApprovalDecision> findBySubjectAndCustomerManagerIdAndPeriodOrderByIdAsc(ApprovalKind subject,
            String customerManagerId, String period);
}
