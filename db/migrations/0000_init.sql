CREATE TABLE `entities` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`territory_id` integer,
	`date` text,
	`attributes` text DEFAULT '{}' NOT NULL,
	`source_ids` text,
	`release_id` integer NOT NULL,
	FOREIGN KEY (`territory_id`) REFERENCES `territories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`release_id`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `entities_kind` ON `entities` (`kind`);--> statement-breakpoint
CREATE TABLE `families` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `indicators` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`policy_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`unit` text NOT NULL,
	`unit_label` text,
	`direction` text NOT NULL,
	`cumulative` integer DEFAULT false NOT NULL,
	`frequency` text,
	`producer` text NOT NULL,
	`licence` text NOT NULL,
	`source_url` text,
	`source_updated_at` text,
	`source_ids` text,
	`note` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`policy_id`) REFERENCES `policies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicators_code_unique` ON `indicators` (`code`);--> statement-breakpoint
CREATE INDEX `indicators_policy` ON `indicators` (`policy_id`);--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `observations` (
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
);
--> statement-breakpoint
CREATE TABLE `policies` (
	`id` text PRIMARY KEY NOT NULL,
	`family_id` text NOT NULL,
	`theme_id` text,
	`name` text NOT NULL,
	`axis` text,
	FOREIGN KEY (`family_id`) REFERENCES `families`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `policies_family` ON `policies` (`family_id`);--> statement-breakpoint
CREATE TABLE `published_rates` (
	`indicator_id` integer NOT NULL,
	`territory_id` integer NOT NULL,
	`date` text NOT NULL,
	`rate` real NOT NULL,
	`release_id` integer NOT NULL,
	PRIMARY KEY(`indicator_id`, `territory_id`, `date`),
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`territory_id`) REFERENCES `territories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`release_id`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `releases` (
	`id` integer PRIMARY KEY NOT NULL,
	`imported_at` text NOT NULL,
	`files` text NOT NULL,
	`rows_read` integer NOT NULL,
	`inserted` integer NOT NULL,
	`revised` integer NOT NULL,
	`unchanged` integer NOT NULL,
	`source_updated_at` text,
	`note` text
);
--> statement-breakpoint
CREATE TABLE `revisions` (
	`id` integer PRIMARY KEY NOT NULL,
	`release_id` integer NOT NULL,
	`indicator_id` integer NOT NULL,
	`territory_id` integer NOT NULL,
	`date` text NOT NULL,
	`old_value` real NOT NULL,
	`new_value` real NOT NULL,
	FOREIGN KEY (`release_id`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `revisions_release` ON `revisions` (`release_id`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` text PRIMARY KEY NOT NULL,
	`producer` text NOT NULL,
	`title` text NOT NULL,
	`url` text,
	`licence` text NOT NULL,
	`updated_at` text,
	`note` text
);
--> statement-breakpoint
CREATE TABLE `targets` (
	`indicator_id` integer NOT NULL,
	`territory_id` integer NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`value` real NOT NULL,
	`qualifier` text,
	`source_id` text,
	`note` text,
	`release_id` integer NOT NULL,
	PRIMARY KEY(`indicator_id`, `territory_id`, `kind`, `date`),
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`territory_id`) REFERENCES `territories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`release_id`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `territories` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`level` text NOT NULL,
	`insee_code` text NOT NULL,
	`name` text NOT NULL,
	`parent_code` text,
	`population` integer,
	`chef_lieu` text,
	`cog_year` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `territories_code_unique` ON `territories` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `territories_level_insee` ON `territories` (`level`,`insee_code`);--> statement-breakpoint
CREATE TABLE `themes` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
