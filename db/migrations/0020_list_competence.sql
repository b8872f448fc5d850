CREATE TABLE "credit_list_departments" (
	"list_id" bigint NOT NULL,
	"dept_id" integer NOT NULL,
	"granted_by" integer,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_list_departments_list_id_dept_id_pk" PRIMARY KEY("list_id","dept_id")
);
--> statement-breakpoint
ALTER TABLE "credit_list_departments" ADD CONSTRAINT "credit_list_departments_list_id_credit_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."credit_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_list_departments" ADD CONSTRAINT "credit_list_departments_dept_id_departments_id_fk" FOREIGN KEY ("dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_list_departments" ADD CONSTRAINT "credit_list_departments_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;