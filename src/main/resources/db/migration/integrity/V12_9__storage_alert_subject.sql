-- issue 12: storage alerts name the store, never its server path (alerts are read on the console)
update preservation_alert set subject = 'OCFL 保存库' where kind in ('STORAGE_WARN', 'STORAGE_CRITICAL');
