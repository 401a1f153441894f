/**
 * Catalog: fonds (全宗), the classification scheme of 人社部令第3号 (材料大类, 业务环节, 业务材料, 保管期限),
 * persons (参保人), employers (参保单位), items (件), volumes (卷), boxes (盒), 档号 rules and retention.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        displayName = "Catalog",
        allowedDependencies = {"audit", "cluster", "crypto", "organisation", "platform", "shared"})
package org.siarchive.catalog;

import org.jspecify.annotations.NullMarked;
