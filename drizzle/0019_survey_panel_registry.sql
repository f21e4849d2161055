ALTER TABLE "survey_panel_members" DROP CONSTRAINT "survey_panel_members_uscc_check";--> statement-breakpoint
ALTER TABLE "survey_panel_members" DROP CONSTRAINT "survey_panel_members_size_class_check";--> statement-breakpoint
ALTER TABLE "survey_panel_members" DROP CONSTRAINT "survey_panel_members_section_check";--> statement-breakpoint
ALTER TABLE "survey_panel_members" DROP CONSTRAINT "survey_panel_members_region_code_regions_code_fk";
--> statement-breakpoint
DROP INDEX "survey_panel_members_groups_idx";--> statement-breakpoint
ALTER TABLE "survey_panel_members" ADD CONSTRAINT "survey_panel_members_uscc_enterprises_uscc_fk" FOREIGN KEY ("uscc") REFERENCES "public"."enterprises"("uscc") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_panel_members" DROP COLUMN "industry_code";--> statement-breakpoint
ALTER TABLE "survey_panel_members" DROP COLUMN "section_code";--> statement-breakpoint
ALTER TABLE "survey_panel_members" DROP COLUMN "region_code";--> statement-breakpoint
ALTER TABLE "survey_panel_members" DROP COLUMN "size_class";--> statement-breakpoint
ALTER TABLE "survey_panel_members" DROP COLUMN "synthetic";