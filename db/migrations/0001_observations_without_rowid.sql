-- Custom migration (drizzle-kit cannot express WITHOUT ROWID): the observation table is its
-- primary key, one B-tree instead of a rowid table plus its key index. Half the writes per value.
CREATE TABLE `observations_new` (
	`indicator_id` integer NOT NULL,
	`territory_id` integer NOT NULL,
	`date` text NOT NULL,
	`value` real NOT NULL,
	`qualifier` text,
	`source_id` text,
	`note` text,
	`release_id` integer NOT NULL,
	`revisions` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`indicator_id`, `territory_id`, `date`),
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`territory_id`) REFERENCES `territories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`release_id`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `observations_new` SELECT * FROM `observations`;
--> statement-breakpoint
DROP TABLE `observations`;
--> statement-breakpoint
ALTER TABLE `observations_new` RENAME TO `observations`;
