package cn.cm135.planning.targets;

import java.math.BigDecimal;

import cn.cm135.planning.approval.Approvable;
import cn.cm135.planning.approval.Approval;
import cn.cm135.planning.approval.ApprovalKind;
import cn.cm135.planning.approval.ApprovalStatus;
import cn.cm135.planning.approval.ApprovalSubject;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One customer manager's targets for one month, with the market manager's approval (审批). */
@Entity
@Table(name = "monthly_target")
public class MonthlyTarget implements Approvable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "customer_manager_id", nullable = false)
    private String customerManagerId;

    @Column(nullable = false)
    private String period;

    @Embedded
    private Approval approval = new Approval();

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

    @Version
    private int version;

    protected MonthlyTarget() {
    }

    MonthlyTarget(String customerManagerId, String period) {
        this.customerManagerId = customerManagerId;
        this.period = period;
    }

    /** A new forecast replaces the proposed values only while nobody has submitted anything. */
    void applyForecast(TargetValues forecast, String basis) {
        forecastBasis = basis;
        forecastVolume = forecast.volume();
        forecastUnitValue = forecast.unitValue();
        forecastKeyBrandGrowth = forecast.keyBrandGrowth();
        forecastVisits = forecast.visits();
        if (approval.status() == ApprovalStatus.DRAFT) {
            setValues(forecast);
        }
    }

    /** Saves the customer manager's edits without submitting them. */
    void edit(TargetValues values) {
        approval.requireEditable(approvalSubject());
        setValues(values);
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

    public ApprovalStatus getStatus() {
        return approval.status();
    }

    @Override
    public Approval approval() {
        return approval;
    }

    @Override
    public ApprovalSubject approvalSubject() {
        return new ApprovalSubject(ApprovalKind.TARGETS, customerManagerId, period);
    }
}
