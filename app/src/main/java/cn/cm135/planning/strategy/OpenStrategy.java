package cn.cm135.planning.strategy;

/**
 * A strategy of the month not carried out yet (status OPEN), as a visit shows it to the customer manager.
 *
 * @param specLabel name and code of the spec, or empty for a strategy about the whole customer
 */
public record OpenStrategy(long id, long customerId, String strategyType, String keyPoint, String specCode,
        String specLabel, String content) {

    /** One line for a form or the printed sheet, e.g. "品牌培育（品牌）：拜访烟(硬)（K1）— 上柜陈列". */
    public String text() {
        return strategyType + "（" + keyPoint + "）" + (specLabel.isEmpty() ? "" : "：" + specLabel)
                + (content == null || content.isBlank() ? "" : " — " + content);
    }
}
