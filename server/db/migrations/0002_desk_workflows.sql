ALTER TABLE "case_events" ADD COLUMN "detail" jsonb;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "picker_id" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "green_channel" jsonb;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "needs_new_waybill" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "compensations" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "warehouses" ADD COLUMN "compensation_limit_fen" integer DEFAULT 5000 NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_picker_id_pickers_id_fk" FOREIGN KEY ("picker_id") REFERENCES "public"."pickers"("id") ON DELETE no action ON UPDATE no action;