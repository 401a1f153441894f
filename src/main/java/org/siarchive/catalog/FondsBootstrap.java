package org.siarchive.catalog;

import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Actor;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** On first start, creates the installation's own fonds (全宗) from settings; later starts change nothing. */
@Component
class FondsBootstrap implements SmartInitializingSingleton {

    private final Catalog catalog;
    private final Organisations organisations;
    private final String code;
    private final String name;
    private final String agency;

    FondsBootstrap(
            Catalog catalog,
            Organisations organisations,
            @Value("${siarchive.fonds.code:0001}") String code,
            @Value("${siarchive.fonds.name:社会保险业务档案}") String name,
            @Value("${siarchive.fonds.agency:社会保险事业管理中心}") String agency) {
        this.catalog = catalog;
        this.organisations = organisations;
        this.code = code;
        this.name = name;
        this.agency = agency;
    }

    @Override
    public void afterSingletonsInstantiated() {
        catalog.ensureFonds(code, name, agency, organisations.root().id(), Actor.SYSTEM);
    }
}
