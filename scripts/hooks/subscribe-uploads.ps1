# Subscribes the ScreenUpload function to blob-created events of the content account's uploads container.
$ErrorActionPreference = "Stop"
$key = az functionapp keys list -g $env:AZURE_RESOURCE_GROUP -n $env:AZURE_FUNCTION_APP_NAME --query "systemKeys.blobs_extension" -o tsv
$account = ([Uri]$env:CONTENT_BLOB_ENDPOINT).Host.Split('.')[0]
$accountId = az storage account show -g $env:AZURE_RESOURCE_GROUP -n $account --query id -o tsv
az eventgrid system-topic create -g $env:AZURE_RESOURCE_GROUP -n "evgt-$account" --location $env:AZURE_LOCATION --topic-type Microsoft.Storage.StorageAccounts --source $accountId | Out-Null
az eventgrid system-topic event-subscription create -g $env:AZURE_RESOURCE_GROUP --system-topic-name "evgt-$account" -n uploads-screening --endpoint-type webhook --included-event-types Microsoft.Storage.BlobCreated --subject-begins-with /blobServices/default/containers/uploads/ --endpoint "$($env:AZURE_FUNCTION_URI)/runtime/webhooks/blobs?functionName=Host.Functions.ScreenUpload&code=$key" | Out-Null
Write-Output "uploads container subscribed to ScreenUpload"
