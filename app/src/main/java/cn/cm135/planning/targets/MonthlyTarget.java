package cn.cm135.planning.targets;

import java.math.BigDecimal;

import cn.cm135.planning.approval.ApprovalKind;
import cn.cm135.planning.approval.ApprovalStatus;
import cn.cm135.planning.approval.MonthlyRecord;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One customer manager's targets for one month, with the market manager's approval (审批). */
@Entity
@Table(name = "monthly_target")
public class MonthlyTarget extends MonthlyRecord {

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

    protected MonthlyTarget() {
    }

    MonthlyTarget(String customerManagerId, String period) {
        super(customerManagerId, period);
    }

    /** A new forecast replaces the proposed values only while nobody has submitted anything. */
    void applyForecast(TargetValues forecast, String basis) {
        forecastBasis = basis;
        forecastVolume = forecast.volume();
        forecastUnitValue = forecast.unitValue();
        forecastKeyBrandGrowth = forecast.keyBrandGrowth();
        forecastVisits = forecast.visits();
        if (approval().status() == ApprovalStatus.DRAFT) {
            setValues(forecast);
        }
    }

    /** Saves the customer manager's edits without submitting them. */
    void edit(TargetValues values) {
        approval().requireEditable(approvalSubject());
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

    @Override
    protected ApprovalKind approvalKind() {
        return ApprovalKind.TARGETS;
    }
}
