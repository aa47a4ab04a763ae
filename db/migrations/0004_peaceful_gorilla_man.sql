ALTER TABLE `sources` ADD `licence_id` text;--> statement-breakpoint
ALTER TABLE `sources` ADD `licence_verified` integer;