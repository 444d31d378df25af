-- Approval requests and decisions link straight to the notice they concern.
ALTER TABLE "StaffNotification" ADD COLUMN "noticeId" UUID;
