package cn.cm135.demo;

import java.util.List;

/**
 * Generates a whole city in {@link Table} order into a sink. Only master data (staff, specs, retailer
 * profiles) is held in memory; order lines and observations are streamed retailer by retailer.
 */
final class DatasetGenerator {

    private final GeneratorSettings settings;

    DatasetGenerator(GeneratorSettings settings) {
        this.settings = settings;
    }

    void generate(DatasetSink sink) {
        Organisation organisation = new Organisation(settings);
        SpecCatalog catalog = new SpecCatalog(settings);
        List<RetailerProfile> retailers = new RetailerGenerator(settings, catalog).generate(organisation.areas());

        organisation.emit(sink::write);
        catalog.specs().forEach(spec -> sink.write(spec.row()));
        retailers.forEach(retailer -> sink.write(retailer.row()));

        OrderGenerator orders = new OrderGenerator(settings, catalog);
        orders.generate(retailers, sink::write);

        VisitGenerator visits = new VisitGenerator(settings, catalog);
        visits.generate(retailers, sink::write).forEach(sink::write);

        DemandGenerator demands = new DemandGenerator(settings, catalog);
        retailers.forEach(retailer -> demands.generate(retailer, sink::write));
        sink.finish();
    }
}
