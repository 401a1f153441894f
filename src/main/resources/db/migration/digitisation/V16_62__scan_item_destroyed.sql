-- issue 16 (copies): a scanned item whose catalogue item was destroyed keeps its rows as facts (page count,
-- SHA-256, pHash) but no image or text: page files deleted, OCR text and words, prepared sheets and
-- fingerprints cleared, the person's data dropped. destroyed_at marks it (docs/adr/0070).
alter table scan_item add column destroyed_at timestamptz;
