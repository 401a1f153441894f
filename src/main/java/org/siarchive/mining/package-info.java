/**
 * Data mining (数据挖掘): trends and seasonal patterns of business volume per business step and region with a
 * forecast for capacity planning, and association analysis — which required materials are missing together, which
 * business steps follow each other per person — shown as charts with an explanation in Chinese. Apache Commons Math
 * only (no GPL library); bounded inputs. Runs and downloads are audited (audit: COMPUTE, EXPORT).
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        displayName = "Data mining",
        allowedDependencies = {"analytics", "audit", "catalog", "cluster", "organisation", "shared"})
package org.siarchive.mining;

import org.jspecify.annotations.NullMarked;
