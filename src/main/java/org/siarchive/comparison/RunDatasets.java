package org.siarchive.comparison;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.springframework.stereotype.Component;

/**
 * The datasets a run reads within an organisation subtree, by the one rule {@link Datasets#active} states (of
 * the snapshot kinds the newest LOADED dataset of each unit, of the list kinds every LOADED dataset), with the
 * path of each dataset's unit for the warnings it raises.
 */
@Component
class RunDatasets {

    private final Datasets datasets;
    private final Organisations organisations;

    RunDatasets(Datasets datasets, Organisations organisations) {
        this.datasets = datasets;
        this.organisations = organisations;
    }

    List<RunDataset> active(String orgPattern) {
        return Arrays.stream(Datasets.Kind.values())
                .flatMap(kind -> datasets.active(kind, orgPattern).stream())
                .map(d -> new RunDataset(
                        d.id(),
                        d.kind().name(),
                        d.source(),
                        d.orgId(),
                        organisations.byId(d.orgId()).map(OrgUnit::path).orElse("/"),
                        d.fileSm3(),
                        d.rowsLoaded()))
                .sorted(Comparator.comparingLong(RunDataset::id))
                .toList();
    }
}
