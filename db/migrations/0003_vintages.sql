CREATE TABLE `observation_history` (
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
);
--> statement-breakpoint
CREATE INDEX `observation_history_replaced_by` ON `observation_history` (`replaced_by`);--> statement-breakpoint
CREATE INDEX `observation_history_release` ON `observation_history` (`release_id`);--> statement-breakpoint
ALTER TABLE `releases` ADD `withdrawn` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `releases` ADD `skipped` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `releases` ADD `undoes` integer;