CREATE TABLE "force_majeure" (
	"id" text PRIMARY KEY NOT NULL,
	"warehouse_id" text NOT NULL,
	"region" text NOT NULL,
	"reason" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"platform" text NOT NULL,
	"category" text,
	"ship_within_hours" double precision NOT NULL,
	"pickup_within_hours" double precision,
	"penalty" jsonb NOT NULL,
	"max_delay_negotiations" integer,
	"negotiation_min_lead_hours" double precision,
	"source" text NOT NULL,
	"confirmed" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "promotions" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"platforms" jsonb,
	"paid_from" timestamp with time zone NOT NULL,
	"paid_until" timestamp with time zone NOT NULL,
	"ship_by" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "orders" ALTER COLUMN "ship_by" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "causes" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "pauses" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "currency" text DEFAULT 'CNY' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "promised_ship_by" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "deadline_source" text DEFAULT 'platform_default' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "rule_id" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "penalty_fen" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "max_delay_negotiations" integer;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "negotiation_min_lead_minutes" integer;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "picking_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "picked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "packed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "waybill_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "pickup_by" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "force_majeure" ADD CONSTRAINT "force_majeure_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "force_majeure" ADD CONSTRAINT "force_majeure_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "force_majeure_warehouse" ON "force_majeure" USING btree ("warehouse_id","starts_at");