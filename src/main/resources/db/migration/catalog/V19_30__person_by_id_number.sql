-- issue 19: a person's own archive is found by the blind index of their 公民身份号码 alone (portal, ADR 0103), as are
-- PersonDirectory's and the certificates' look-ups; the unique index (cert_type, cert_no_index) does not serve a
-- look-up without the type, so one on the index alone.
create index person_cert_no_index_idx on person (cert_no_index);
