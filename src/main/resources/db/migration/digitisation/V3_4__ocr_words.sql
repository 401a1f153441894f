-- every recognised word with its confidence and box, one per line (text, confidence, x, y, w, h,
-- tab-separated), SM4-GCM encrypted like the page text
alter table scan_page add column ocr_words_enc bytea;
alter table scan_page add column ocr_low_confidence int;   -- words below 60 % confidence
