package cn.cm135.planning.approval;

/** A record that embeds an {@link Approval}: what {@link Approvals} needs to move it and to log the decision. */
public interface Approvable {

    Approval approval();

    ApprovalSubject approvalSubject();
}
