package cn.cm135.demo;

/**
 * Consumer of the generated rows. The generator emits the tables one after another in {@link Table}
 * order, so a writer can keep one batch or one COPY stream open at a time and never hold all rows.
 */
interface DatasetSink {

    void write(Row row);

    /** Called once after the last row: flush whatever is buffered. */
    default void finish() {
    }
}
