-- issue 15 (api): the scanning-station permission (docs/adr/0061). Tokens that could scan keep the
-- scanning-station API they would otherwise lose: digitisation:station is added beside digitisation:scan.
update api_token set scopes = scopes || ',digitisation:station'
where (',' || scopes || ',') like '%,digitisation:scan,%'
  and (',' || scopes || ',') not like '%,digitisation:station,%';
