-- Custom migration (drizzle-kit cannot express WITHOUT ROWID): like observations (0001), the
-- history of vintages is its primary key, one B-tree instead of a rowid table plus its key index.
-- With the `release_id` index gone (0006), a revision's old vintage is written into two B-trees.
CREATE TABLE `observation_history_new` (
	`indicator_id` integer NOT NULL,
	`territory_id` integer NOT NULL,
	`date` text NOT NULL,
	`value` real NOT NULL,
	`qualifier` text,
	`source_id` text,
	`note` text,
	`release_id` integer NOT NULL,
	`replaced_by` integer NOT NULL,
	PRIMARY KEY(`indicator_id`, `territory_id`, `date`, `release_id`),
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`territory_id`) REFERENCES `territories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`release_id`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`replaced_by`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `observation_history_new` SELECT * FROM `observation_history`;
--> statement-breakpoint
DROP TABLE `observation_history`;
--> statement-breakpoint
ALTER TABLE `observation_history_new` RENAME TO `observation_history`;
--> statement-breakpoint
CREATE INDEX `observation_history_replaced_by` ON `observation_history` (`replaced_by`);
