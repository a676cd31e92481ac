package cn.cm135.planning.targets;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One customer manager's targets for one month, guarding its own life cycle. */
@Entity
@Table(name = "monthly_target")
public class MonthlyTarget {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "customer_manager_id", nullable = false)
    private String customerManagerId;

    @Column(nullable = false)
    private String period;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TargetStatus status;

    private Integer volume;
    private BigDecimal unitValue;
    private BigDecimal keyBrandGrowth;
    private Integer visits;

    private Integer forecastVolume;
    private BigDecimal forecastUnitValue;
    private BigDecimal forecastKeyBrandGrowth;
    private Integer forecastVisits;
    /** How the forecast was reached, in one line (base months, trends, the grade rule). */
    private String forecastBasis;

    private String rejectionReason;
    private LocalDateTime submittedAt;
    private String decidedBy;
    private LocalDateTime decidedAt;

    @Version
    private int version;

    protected MonthlyTarget() {
    }

    MonthlyTarget(String customerManagerId, String period) {
        this.customerManagerId = customerManagerId;
        this.period = period;
        this.status = TargetStatus.DRAFT;
    }

    /** A new forecast replaces the proposed values only while nobody has submitted anything. */
    void applyForecast(TargetValues forecast, String basis) {
        forecastBasis = basis;
        forecastVolume = forecast.volume();
        forecastUnitValue = forecast.unitValue();
        forecastKeyBrandGrowth = forecast.keyBrandGrowth();
        forecastVisits = forecast.visits();
        if (status == TargetStatus.DRAFT) {
            setValues(forecast);
        }
    }

    /** Saves the customer manager's edits without submitting them. */
    void edit(TargetValues values) {
        requireEditable();
        setValues(values);
    }

    void submit(TargetValues values, LocalDateTime at) {
        requireEditable();
        setValues(values);
        status = TargetStatus.SUBMITTED;
        submittedAt = at;
    }

    void approve(String by, LocalDateTime at) {
        requireStatus(TargetStatus.SUBMITTED, "审批");
        status = TargetStatus.APPROVED;
        decidedBy = by;
        decidedAt = at;
        rejectionReason = null;
    }

    void reject(String by, String reason, LocalDateTime at) {
        requireStatus(TargetStatus.SUBMITTED, "驳回");
        status = TargetStatus.REJECTED;
        decidedBy = by;
        decidedAt = at;
        rejectionReason = reason;
    }

    void lock() {
        if (status != TargetStatus.LOCKED) {
            requireStatus(TargetStatus.APPROVED, "锁定");
            status = TargetStatus.LOCKED;
        }
    }

    private void requireEditable() {
        if (status.isFrozen()) {
            throw new TargetException(TargetException.Kind.LOCKED, null,
                    "%s 的 %s 月目标已批准（%s），不能再修改".formatted(customerManagerId, period, status));
        }
        if (status == TargetStatus.SUBMITTED) {
            throw new TargetException(TargetException.Kind.LOCKED, null,
                    "%s 的 %s 月目标已提交，正等待市场经理审批，不能修改".formatted(customerManagerId, period));
        }
    }

    private void requireStatus(TargetStatus expected, String action) {
        if (status != expected) {
            throw new TargetException(TargetException.Kind.LOCKED, null,
                    "目标状态为 %s，不能%s".formatted(status, action));
        }
    }

    private void setValues(TargetValues values) {
        volume = values.volume();
        unitValue = values.unitValue();
        keyBrandGrowth = values.keyBrandGrowth();
        visits = values.visits();
    }

    public TargetValues values() {
        return new TargetValues(volume, unitValue, keyBrandGrowth, visits);
    }

    public String getForecastBasis() {
        return forecastBasis;
    }

    public TargetValues forecast() {
        return new TargetValues(forecastVolume, forecastUnitValue, forecastKeyBrandGrowth, forecastVisits);
    }

    public Long getId() {
        return id;
    }

    public String getCustomerManagerId() {
        return customerManagerId;
    }

    public String getPeriod() {
        return period;
    }

    public TargetStatus getStatus() {
        return status;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public LocalDateTime getSubmittedAt() {
        return submittedAt;
    }

    public LocalDateTime getDecidedAt() {
        return decidedAt;
    }
}
