-- Custom migration (data only): the old → new pairs of a release are read from
-- observation_history (queries/vintages.ts), and imports and rollbacks no longer write
-- `revisions`. The pairs it holds that history also holds (every revision since 0003_vintages)
-- are removed; pairs logged before vintages were kept have no history row and stay, untouched.
DELETE FROM `revisions` WHERE EXISTS (
	SELECT 1 FROM `observation_history` h
	WHERE h.`replaced_by` = `revisions`.`release_id` AND h.`indicator_id` = `revisions`.`indicator_id`
	  AND h.`territory_id` = `revisions`.`territory_id` AND h.`date` = `revisions`.`date` AND h.`value` = `revisions`.`old_value`
);
