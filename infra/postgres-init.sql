-- Databases of the railbill services, one per service (docker-compose.yml runs
-- this once, when the postgres volume is first initialised; without Docker,
-- `bash infra/postgres.sh createdb --all` does the same).
CREATE DATABASE railbill_waybill;
CREATE DATABASE railbill_letter_of_credit;
CREATE DATABASE railbill_customs_clearance;
CREATE DATABASE railbill_console;
