#!/bin/sh
# Subscribes the ScreenUpload function to blob-created events of the content account's uploads container.
set -eu
key=$(az functionapp keys list -g "$AZURE_RESOURCE_GROUP" -n "$AZURE_FUNCTION_APP_NAME" --query "systemKeys.blobs_extension" -o tsv)
account=$(echo "$CONTENT_BLOB_ENDPOINT" | sed -E 's#https://([^.]+)\..*#\1#')
account_id=$(az storage account show -g "$AZURE_RESOURCE_GROUP" -n "$account" --query id -o tsv)
az eventgrid system-topic create -g "$AZURE_RESOURCE_GROUP" -n "evgt-$account" --location "$AZURE_LOCATION" \
  --topic-type Microsoft.Storage.StorageAccounts --source "$account_id" >/dev/null
az eventgrid system-topic event-subscription create -g "$AZURE_RESOURCE_GROUP" --system-topic-name "evgt-$account" -n uploads-screening \
  --endpoint-type webhook --included-event-types Microsoft.Storage.BlobCreated \
  --subject-begins-with /blobServices/default/containers/uploads/ \
  --endpoint "$AZURE_FUNCTION_URI/runtime/webhooks/blobs?functionName=Host.Functions.ScreenUpload&code=$key" >/dev/null
echo "uploads container subscribed to ScreenUpload"
