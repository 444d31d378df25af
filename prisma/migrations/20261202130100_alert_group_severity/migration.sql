-- A grouped repeat that is more severe than the alert it is counted on raises the alert's
-- severity to its own: a critical repeat of a medium alert must not wait in the queue as medium.
-- The function is otherwise as 20261202100200_alert_ingest_batches left it.
CREATE OR REPLACE FUNCTION warden_ingest_alert(
  p_integration UUID, p_credential_version INTEGER, p_org UUID, p_client UUID,
  p_nonce CHAR(64), p_nonce_expires TIMESTAMP(3), p_now TIMESTAMP(3),
  p_source VARCHAR, p_external_id VARCHAR, p_fingerprint CHAR(64), p_window_start TIMESTAMP(3),
  p_group_candidate UUID, p_new_id UUID,
  p_title VARCHAR, p_type "IncidentType", p_severity "Severity", p_rank SMALLINT, p_observed TIMESTAMP(3),
  p_categories "DataCategory"[], p_assets TEXT[], p_jurisdictions TEXT[],
  p_raw TEXT, p_raw_truncated BOOLEAN, p_payload_key BYTEA, p_payload_mk VARCHAR,
  p_actor_label VARCHAR, p_changes JSONB, p_ip VARCHAR,
  p_created_audit UUID, p_created_seal CHAR(64), p_grouped_audit UUID, p_grouped_seal CHAR(64)
) RETURNS TABLE (outcome TEXT, alert_id UUID)
LANGUAGE plpgsql AS $$
DECLARE
  v_found UUID;
  v_existing UUID;
BEGIN
  PERFORM set_config('lock_timeout', '5s', true);
  PERFORM 1 FROM "Integration"
    WHERE id = p_integration AND "revokedAt" IS NULL AND "credentialVersion" = p_credential_version;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'stale'::TEXT, NULL::UUID;
    RETURN;
  END IF;

  -- one writer per fingerprint at a time: two repeats posted together land on one alert
  PERFORM pg_advisory_xact_lock(hashtextextended(p_org::TEXT || p_fingerprint, 7));

  SELECT r."alertId" INTO v_existing FROM "AlertReceipt" r
    WHERE r."clientId" = p_client AND r.source = p_source AND r."externalId" = p_external_id;
  IF v_existing IS NOT NULL THEN
    IF p_nonce IS NOT NULL THEN
      INSERT INTO "IngestNonce" (id, "expiresAt") VALUES (p_nonce, p_nonce_expires) ON CONFLICT DO NOTHING;
      IF NOT FOUND THEN
        RETURN QUERY SELECT 'replay'::TEXT, NULL::UUID;
        RETURN;
      END IF;
    END IF;
    RETURN QUERY SELECT 'duplicate'::TEXT, v_existing;
    RETURN;
  END IF;

  SELECT a.id INTO v_found FROM "Alert" a
    WHERE a."organizationId" = p_org AND a.fingerprint = p_fingerprint AND a."lastSeenAt" >= p_window_start
    ORDER BY a."lastSeenAt" DESC LIMIT 1;
  IF v_found IS DISTINCT FROM p_group_candidate THEN
    -- the caller sealed its audit entry for another alert: nothing is written, it asks again
    RETURN QUERY SELECT 'retry'::TEXT, v_found;
    RETURN;
  END IF;

  IF p_nonce IS NOT NULL THEN
    INSERT INTO "IngestNonce" (id, "expiresAt") VALUES (p_nonce, p_nonce_expires) ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
      RETURN QUERY SELECT 'replay'::TEXT, NULL::UUID;
      RETURN;
    END IF;
  END IF;

  INSERT INTO "AlertReceipt" ("clientId", source, "externalId", "alertId", "receivedAt")
    VALUES (p_client, p_source, p_external_id, COALESCE(v_found, p_new_id), p_now)
    ON CONFLICT DO NOTHING;
  IF NOT FOUND THEN
    -- the same external id with another fingerprint, committed meanwhile
    SELECT r."alertId" INTO v_existing FROM "AlertReceipt" r
      WHERE r."clientId" = p_client AND r.source = p_source AND r."externalId" = p_external_id;
    RETURN QUERY SELECT 'duplicate'::TEXT, v_existing;
    RETURN;
  END IF;

  IF v_found IS NOT NULL THEN
    UPDATE "Alert" SET count = count + 1, "lastSeenAt" = GREATEST("lastSeenAt", p_now),
        -- a repeat more severe than what was seen so far raises the alert to it (the queue sorts by it)
        severity = CASE WHEN p_rank > "severityRank" THEN p_severity ELSE severity END,
        "severityRank" = GREATEST("severityRank", p_rank),
        status = CASE WHEN status = 'NEW' THEN 'GROUPED'::"AlertStatus" ELSE status END
      WHERE id = v_found;
    INSERT INTO "AuditEventPending" (id, "organizationId", at, "actorId", "actorLabel", action, "entityType", "entityId", "incidentId", changes, "requestId", ip, "dataChange", seal)
      VALUES (p_grouped_audit, p_org, p_now, NULL, p_actor_label, 'alert.grouped', 'alert', v_found::TEXT, NULL, p_changes, NULL, p_ip, TRUE, p_grouped_seal);
  ELSE
    INSERT INTO "Alert" (id, "organizationId", "clientId", "integrationId", source, "externalId", fingerprint, title, type,
        severity, "severityRank", "observedAt", "receivedAt", "lastSeenAt", count, "dataCategories", assets, jurisdictions,
        "rawPayload", "rawTruncated", "payloadKey", "payloadMasterKeyId", status)
      VALUES (p_new_id, p_org, p_client, p_integration, p_source, p_external_id, p_fingerprint, p_title, p_type,
        p_severity, p_rank, p_observed, p_now, p_now, 1, p_categories, p_assets, p_jurisdictions,
        p_raw, p_raw_truncated, p_payload_key, p_payload_mk, 'NEW');
    INSERT INTO "AuditEventPending" (id, "organizationId", at, "actorId", "actorLabel", action, "entityType", "entityId", "incidentId", changes, "requestId", ip, "dataChange", seal)
      VALUES (p_created_audit, p_org, p_now, NULL, p_actor_label, 'alert.created', 'alert', p_new_id::TEXT, NULL, p_changes, NULL, p_ip, TRUE, p_created_seal);
  END IF;

  RETURN QUERY SELECT CASE WHEN v_found IS NULL THEN 'created' ELSE 'grouped' END, COALESCE(v_found, p_new_id);
END;
$$;
