-- issue 16 (appraisal): the term an item had when it was proposed, so that "a new term must be longer" is
-- decided set-based on disposition's own rows (10,000 items in one statement), never by reading the catalogue.
alter table appraisal_item add column retention_code varchar(8);
