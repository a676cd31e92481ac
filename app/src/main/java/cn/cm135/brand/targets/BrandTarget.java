package cn.cm135.brand.targets;

import java.util.List;

/** A brand target (条) of a spec in one of the customer manager's areas, with its target customers. */
public record BrandTarget(String areaCode, String specCode, Integer targetVolume, List<Long> targetCustomers) {

    public BrandTarget {
        targetCustomers = targetCustomers == null ? List.of() : List.copyOf(targetCustomers);
    }
}
