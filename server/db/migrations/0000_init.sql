CREATE TABLE "case_events" (
	"id" text PRIMARY KEY NOT NULL,
	"warehouse_id" text NOT NULL,
	"case_id" text NOT NULL,
	"kind" text NOT NULL,
	"actor_id" text,
	"at" timestamp with time zone NOT NULL,
	"text" text,
	"row_version" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" text PRIMARY KEY NOT NULL,
	"warehouse_id" text NOT NULL,
	"order_id" text NOT NULL,
	"status" text NOT NULL,
	"ship_by" timestamp with time zone NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"overdue_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"assignee_id" text,
	"claimed_at" timestamp with time zone,
	"cause" text,
	"outcome" text,
	"late_minutes" integer,
	"customer_contacted" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"row_version" bigint NOT NULL,
	CONSTRAINT "cases_order_id_unique" UNIQUE("order_id")
);
--> statement-breakpoint
CREATE TABLE "couriers" (
	"id" text PRIMARY KEY NOT NULL,
	"warehouse_id" text NOT NULL,
	"carrier" text NOT NULL,
	"depot" text NOT NULL,
	"contact_name" text NOT NULL,
	"phone" text NOT NULL,
	"pickup_cutoffs" jsonb NOT NULL,
	"status" text NOT NULL,
	"row_version" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" text PRIMARY KEY NOT NULL,
	"warehouse_id" text NOT NULL,
	"platform" text NOT NULL,
	"platform_order_id" text NOT NULL,
	"status" text NOT NULL,
	"category" text NOT NULL,
	"perishability" text NOT NULL,
	"value_fen" integer NOT NULL,
	"items" jsonb NOT NULL,
	"customer_name" text NOT NULL,
	"customer_phone" text NOT NULL,
	"city" text NOT NULL,
	"region" text NOT NULL,
	"zone_id" text,
	"courier_id" text,
	"waybill" text,
	"vip" boolean DEFAULT false NOT NULL,
	"paid_at" timestamp with time zone NOT NULL,
	"ship_by" timestamp with time zone NOT NULL,
	"handed_over_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pickers" (
	"id" text PRIMARY KEY NOT NULL,
	"warehouse_id" text NOT NULL,
	"zone_id" text NOT NULL,
	"name" text NOT NULL,
	"phone" text NOT NULL,
	"radio" text NOT NULL,
	"status" text NOT NULL,
	"shift_start" text NOT NULL,
	"shift_end" text NOT NULL,
	"row_version" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "server_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sync_clients" (
	"client_id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"last_mutation_id" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_mutation_results" (
	"client_id" text NOT NULL,
	"mutation_id" bigint NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"refusal" jsonb,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_mutation_results_client_id_mutation_id_pk" PRIMARY KEY("client_id","mutation_id")
);
--> statement-breakpoint
CREATE TABLE "sync_tombstones" (
	"warehouse_id" text NOT NULL,
	"kind" text NOT NULL,
	"entity_id" text NOT NULL,
	"row_version" bigint NOT NULL,
	CONSTRAINT "sync_tombstones_warehouse_id_kind_entity_id_pk" PRIMARY KEY("warehouse_id","kind","entity_id")
);
--> statement-breakpoint
CREATE TABLE "user_warehouses" (
	"user_id" text NOT NULL,
	"warehouse_id" text NOT NULL,
	"row_version" bigint NOT NULL,
	CONSTRAINT "user_warehouses_user_id_warehouse_id_pk" PRIMARY KEY("user_id","warehouse_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "warehouse_clock" (
	"warehouse_id" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"horizon" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warehouses" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"city" text NOT NULL,
	"timezone" text NOT NULL,
	"row_version" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "zones" (
	"id" text PRIMARY KEY NOT NULL,
	"warehouse_id" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"row_version" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "couriers" ADD CONSTRAINT "couriers_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_courier_id_couriers_id_fk" FOREIGN KEY ("courier_id") REFERENCES "public"."couriers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pickers" ADD CONSTRAINT "pickers_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pickers" ADD CONSTRAINT "pickers_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_clients" ADD CONSTRAINT "sync_clients_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_mutation_results" ADD CONSTRAINT "sync_mutation_results_client_id_sync_clients_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."sync_clients"("client_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_tombstones" ADD CONSTRAINT "sync_tombstones_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_warehouses" ADD CONSTRAINT "user_warehouses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_warehouses" ADD CONSTRAINT "user_warehouses_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warehouse_clock" ADD CONSTRAINT "warehouse_clock_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zones" ADD CONSTRAINT "zones_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_events_sync" ON "case_events" USING btree ("warehouse_id","row_version","id");--> statement-breakpoint
CREATE INDEX "case_events_case" ON "case_events" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "cases_sync" ON "cases" USING btree ("warehouse_id","row_version","id");--> statement-breakpoint
CREATE INDEX "cases_open_deadline" ON "cases" USING btree ("warehouse_id","ship_by") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "couriers_sync" ON "couriers" USING btree ("warehouse_id","row_version","id");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_platform_id" ON "orders" USING btree ("platform","platform_order_id");--> statement-breakpoint
CREATE INDEX "orders_pending" ON "orders" USING btree ("warehouse_id","ship_by") WHERE status not in ('handed_over', 'cancelled');--> statement-breakpoint
CREATE INDEX "pickers_sync" ON "pickers" USING btree ("warehouse_id","row_version","id");--> statement-breakpoint
CREATE INDEX "sessions_user" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sync_tombstones_sync" ON "sync_tombstones" USING btree ("warehouse_id","row_version","entity_id");--> statement-breakpoint
CREATE INDEX "user_warehouses_sync" ON "user_warehouses" USING btree ("warehouse_id","row_version","user_id");--> statement-breakpoint
CREATE INDEX "zones_sync" ON "zones" USING btree ("warehouse_id","row_version","id");