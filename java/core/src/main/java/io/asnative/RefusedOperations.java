package io.asnative;

import com.aerospike.client.AbortStatus;
import com.aerospike.client.BatchResults;
import com.aerospike.client.CommitStatus;
import com.aerospike.client.IAerospikeClient;
import com.aerospike.client.Key;
import com.aerospike.client.Language;
import com.aerospike.client.Operation;
import com.aerospike.client.ScanCallback;
import com.aerospike.client.Txn;
import com.aerospike.client.Value;
import com.aerospike.client.admin.Privilege;
import com.aerospike.client.admin.Role;
import com.aerospike.client.admin.User;
import com.aerospike.client.async.EventLoop;
import com.aerospike.client.cdt.CTX;
import com.aerospike.client.cluster.Cluster;
import com.aerospike.client.cluster.ClusterStats;
import com.aerospike.client.cluster.Node;
import com.aerospike.client.configuration.ConfigurationProvider;
import com.aerospike.client.exp.Expression;
import com.aerospike.client.listener.AbortListener;
import com.aerospike.client.listener.BatchRecordArrayListener;
import com.aerospike.client.listener.BatchRecordSequenceListener;
import com.aerospike.client.listener.ClusterStatsListener;
import com.aerospike.client.listener.CommitListener;
import com.aerospike.client.listener.ExecuteListener;
import com.aerospike.client.listener.IndexListener;
import com.aerospike.client.listener.InfoListener;
import com.aerospike.client.listener.RecordSequenceListener;
import com.aerospike.client.metrics.MetricsPolicy;
import com.aerospike.client.policy.AdminPolicy;
import com.aerospike.client.policy.BatchDeletePolicy;
import com.aerospike.client.policy.BatchPolicy;
import com.aerospike.client.policy.BatchUDFPolicy;
import com.aerospike.client.policy.BatchWritePolicy;
import com.aerospike.client.policy.InfoPolicy;
import com.aerospike.client.policy.Policy;
import com.aerospike.client.policy.QueryPolicy;
import com.aerospike.client.policy.ScanPolicy;
import com.aerospike.client.policy.TxnRollPolicy;
import com.aerospike.client.policy.TxnVerifyPolicy;
import com.aerospike.client.policy.WritePolicy;
import com.aerospike.client.query.IndexCollectionType;
import com.aerospike.client.query.IndexType;
import com.aerospike.client.query.PartitionFilter;
import com.aerospike.client.query.QueryListener;
import com.aerospike.client.query.RecordSet;
import com.aerospike.client.query.ResultSet;
import com.aerospike.client.query.Statement;
import com.aerospike.client.task.ExecuteTask;
import com.aerospike.client.task.IndexTask;
import com.aerospike.client.task.RegisterTask;

import java.util.Calendar;
import java.util.List;

/**
 * The part of {@link IAerospikeClient} that the native client does not have: scans, queries, UDFs,
 * secondary indexes, transactions, user administration, cluster and node objects, metrics, info,
 * truncate, and the listener-based async forms of those (the listener forms of the commands the
 * native client has run on its async API: {@link ListenerApi}). Each method throws an
 * {@link UnsupportedOperationException} naming itself, so that code typed against
 * {@code IAerospikeClient} switches to {@link NativeAerospikeClient} by its constructor and learns
 * at the first call, never silently, what it still needs the pure-Java client for.
 *
 * <p>The live default policies ({@code get*PolicyDefault}) are refused too: the native client
 * fixes its defaults when it connects (a default policy goes to C as NULL), so a change made to
 * the returned object would be ignored. The {@code copy*PolicyDefault} methods work.
 *
 * <p>One method per refused method of the interface of {@code aerospike-client-jdk8} 9.2.0, in its
 * order (written from {@code javap}'s listing of it). A method the interface gains breaks the
 * build until it is implemented or refused here; {@code ClientInterfaceTest} checks which side
 * each method is on. Not for subclassing outside this package.
 */
public abstract class RefusedOperations implements IAerospikeClient {

    RefusedOperations() {
    }

    private static UnsupportedOperationException refused(String method) {
        return new UnsupportedOperationException(method + " is not supported by the native client (asnative); "
                + "the pure-Java AerospikeClient has it");
    }

    private static UnsupportedOperationException livePolicyDefault(String method) {
        return new UnsupportedOperationException(method + ": the native client fixes its default policies when it "
                + "connects, so a change to a live default would be ignored; use the copy...PolicyDefault() methods, "
                + "or pass policies per call");
    }

    @Override
    public ConfigurationProvider getConfigProvider() {
        throw refused("getConfigProvider()");
    }

    @Override
    public Policy getReadPolicyDefault() {
        throw livePolicyDefault("getReadPolicyDefault()");
    }

    @Override
    public WritePolicy getWritePolicyDefault() {
        throw livePolicyDefault("getWritePolicyDefault()");
    }

    @Override
    public ScanPolicy getScanPolicyDefault() {
        throw livePolicyDefault("getScanPolicyDefault()");
    }

    @Override
    public QueryPolicy getQueryPolicyDefault() {
        throw livePolicyDefault("getQueryPolicyDefault()");
    }

    @Override
    public BatchPolicy getBatchPolicyDefault() {
        throw livePolicyDefault("getBatchPolicyDefault()");
    }

    @Override
    public BatchPolicy getBatchParentPolicyWriteDefault() {
        throw refused("getBatchParentPolicyWriteDefault()");
    }

    @Override
    public BatchWritePolicy getBatchWritePolicyDefault() {
        throw livePolicyDefault("getBatchWritePolicyDefault()");
    }

    @Override
    public BatchDeletePolicy getBatchDeletePolicyDefault() {
        throw livePolicyDefault("getBatchDeletePolicyDefault()");
    }

    @Override
    public BatchUDFPolicy getBatchUDFPolicyDefault() {
        throw livePolicyDefault("getBatchUDFPolicyDefault()");
    }

    @Override
    public InfoPolicy getInfoPolicyDefault() {
        throw livePolicyDefault("getInfoPolicyDefault()");
    }

    @Override
    public TxnVerifyPolicy getTxnVerifyPolicyDefault() {
        throw livePolicyDefault("getTxnVerifyPolicyDefault()");
    }

    @Override
    public TxnRollPolicy getTxnRollPolicyDefault() {
        throw livePolicyDefault("getTxnRollPolicyDefault()");
    }

    @Override
    public Node[] getNodes() {
        throw refused("getNodes()");
    }

    @Override
    public List<String> getNodeNames() {
        throw refused("getNodeNames()");
    }

    @Override
    public Node getNode(String a0) {
        throw refused("getNode(String)");
    }

    @Override
    public void enableMetrics(MetricsPolicy a0) {
        throw refused("enableMetrics(MetricsPolicy)");
    }

    @Override
    public void disableMetrics() {
        throw refused("disableMetrics()");
    }

    @Override
    public ClusterStats getClusterStats() {
        throw refused("getClusterStats()");
    }

    @Override
    public void getClusterStats(ClusterStatsListener a0) {
        throw refused("getClusterStats(ClusterStatsListener)");
    }

    @Override
    public Cluster getCluster() {
        throw refused("getCluster()");
    }

    @Override
    public CommitStatus commit(Txn a0) {
        throw refused("commit(Txn)");
    }

    @Override
    public void commit(EventLoop a0, CommitListener a1, Txn a2) {
        throw refused("commit(EventLoop,CommitListener,Txn)");
    }

    @Override
    public AbortStatus abort(Txn a0) {
        throw refused("abort(Txn)");
    }

    @Override
    public void abort(EventLoop a0, AbortListener a1, Txn a2) {
        throw refused("abort(EventLoop,AbortListener,Txn)");
    }

    @Override
    public void truncate(InfoPolicy a0, String a1, String a2, Calendar a3) {
        throw refused("truncate(InfoPolicy,String,String,Calendar)");
    }

    @Override
    public void scanAll(ScanPolicy a0, String a1, String a2, ScanCallback a3, String... a4) {
        throw refused("scanAll(ScanPolicy,String,String,ScanCallback,String...)");
    }

    @Override
    public void scanAll(EventLoop a0, RecordSequenceListener a1, ScanPolicy a2, String a3, String a4, String... a5) {
        throw refused("scanAll(EventLoop,RecordSequenceListener,ScanPolicy,String,String,String...)");
    }

    @Override
    public void scanNode(ScanPolicy a0, String a1, String a2, String a3, ScanCallback a4, String... a5) {
        throw refused("scanNode(ScanPolicy,String,String,String,ScanCallback,String...)");
    }

    @Override
    public void scanNode(ScanPolicy a0, Node a1, String a2, String a3, ScanCallback a4, String... a5) {
        throw refused("scanNode(ScanPolicy,Node,String,String,ScanCallback,String...)");
    }

    @Override
    public void scanPartitions(ScanPolicy a0, PartitionFilter a1, String a2, String a3, ScanCallback a4, String... a5) {
        throw refused("scanPartitions(ScanPolicy,PartitionFilter,String,String,ScanCallback,String...)");
    }

    @Override
    public void scanPartitions(EventLoop a0, RecordSequenceListener a1, ScanPolicy a2, PartitionFilter a3, String a4, String a5, String... a6) {
        throw refused("scanPartitions(EventLoop,RecordSequenceListener,ScanPolicy,PartitionFilter,String,String,String...)");
    }

    @Override
    public RegisterTask register(Policy a0, String a1, String a2, Language a3) {
        throw refused("register(Policy,String,String,Language)");
    }

    @Override
    public RegisterTask register(Policy a0, ClassLoader a1, String a2, String a3, Language a4) {
        throw refused("register(Policy,ClassLoader,String,String,Language)");
    }

    @Override
    public RegisterTask registerUdfString(Policy a0, String a1, String a2, Language a3) {
        throw refused("registerUdfString(Policy,String,String,Language)");
    }

    @Override
    public void removeUdf(InfoPolicy a0, String a1) {
        throw refused("removeUdf(InfoPolicy,String)");
    }

    @Override
    public Object execute(WritePolicy a0, Key a1, String a2, String a3, Value... a4) {
        throw refused("execute(WritePolicy,Key,String,String,Value...)");
    }

    @Override
    public void execute(EventLoop a0, ExecuteListener a1, WritePolicy a2, Key a3, String a4, String a5, Value... a6) {
        throw refused("execute(EventLoop,ExecuteListener,WritePolicy,Key,String,String,Value...)");
    }

    @Override
    public BatchResults execute(BatchPolicy a0, BatchUDFPolicy a1, Key[] a2, String a3, String a4, Value... a5) {
        throw refused("execute(BatchPolicy,BatchUDFPolicy,Key[],String,String,Value...)");
    }

    @Override
    public void execute(EventLoop a0, BatchRecordArrayListener a1, BatchPolicy a2, BatchUDFPolicy a3, Key[] a4, String a5, String a6, Value... a7) {
        throw refused("execute(EventLoop,BatchRecordArrayListener,BatchPolicy,BatchUDFPolicy,Key[],String,String,Value...)");
    }

    @Override
    public void execute(EventLoop a0, BatchRecordSequenceListener a1, BatchPolicy a2, BatchUDFPolicy a3, Key[] a4, String a5, String a6, Value... a7) {
        throw refused("execute(EventLoop,BatchRecordSequenceListener,BatchPolicy,BatchUDFPolicy,Key[],String,String,Value...)");
    }

    @Override
    public ExecuteTask execute(WritePolicy a0, Statement a1, String a2, String a3, Value... a4) {
        throw refused("execute(WritePolicy,Statement,String,String,Value...)");
    }

    @Override
    public ExecuteTask execute(WritePolicy a0, Statement a1, Operation... a2) {
        throw refused("execute(WritePolicy,Statement,Operation...)");
    }

    @Override
    public RecordSet query(QueryPolicy a0, Statement a1) {
        throw refused("query(QueryPolicy,Statement)");
    }

    @Override
    public void query(EventLoop a0, RecordSequenceListener a1, QueryPolicy a2, Statement a3) {
        throw refused("query(EventLoop,RecordSequenceListener,QueryPolicy,Statement)");
    }

    @Override
    public void query(QueryPolicy a0, Statement a1, QueryListener a2) {
        throw refused("query(QueryPolicy,Statement,QueryListener)");
    }

    @Override
    public void query(QueryPolicy a0, Statement a1, PartitionFilter a2, QueryListener a3) {
        throw refused("query(QueryPolicy,Statement,PartitionFilter,QueryListener)");
    }

    @Override
    public RecordSet queryNode(QueryPolicy a0, Statement a1, Node a2) {
        throw refused("queryNode(QueryPolicy,Statement,Node)");
    }

    @Override
    public RecordSet queryPartitions(QueryPolicy a0, Statement a1, PartitionFilter a2) {
        throw refused("queryPartitions(QueryPolicy,Statement,PartitionFilter)");
    }

    @Override
    public void queryPartitions(EventLoop a0, RecordSequenceListener a1, QueryPolicy a2, Statement a3, PartitionFilter a4) {
        throw refused("queryPartitions(EventLoop,RecordSequenceListener,QueryPolicy,Statement,PartitionFilter)");
    }

    @Override
    public ResultSet queryAggregate(QueryPolicy a0, Statement a1, String a2, String a3, Value... a4) {
        throw refused("queryAggregate(QueryPolicy,Statement,String,String,Value...)");
    }

    @Override
    public ResultSet queryAggregate(QueryPolicy a0, Statement a1) {
        throw refused("queryAggregate(QueryPolicy,Statement)");
    }

    @Override
    public ResultSet queryAggregateNode(QueryPolicy a0, Statement a1, Node a2) {
        throw refused("queryAggregateNode(QueryPolicy,Statement,Node)");
    }

    @Override
    public IndexTask createIndex(Policy a0, String a1, String a2, String a3, String a4, IndexType a5) {
        throw refused("createIndex(Policy,String,String,String,String,IndexType)");
    }

    @Override
    public IndexTask createIndex(Policy a0, String a1, String a2, String a3, String a4, IndexType a5, IndexCollectionType a6, CTX... a7) {
        throw refused("createIndex(Policy,String,String,String,String,IndexType,IndexCollectionType,CTX...)");
    }

    @Override
    public void createIndex(EventLoop a0, IndexListener a1, Policy a2, String a3, String a4, String a5, String a6, IndexType a7, IndexCollectionType a8, CTX... a9) {
        throw refused("createIndex(EventLoop,IndexListener,Policy,String,String,String,String,IndexType,IndexCollectionType,CTX...)");
    }

    @Override
    public IndexTask createIndex(Policy a0, String a1, String a2, String a3, IndexType a4, IndexCollectionType a5, Expression a6) {
        throw refused("createIndex(Policy,String,String,String,IndexType,IndexCollectionType,Expression)");
    }

    @Override
    public void createIndex(EventLoop a0, IndexListener a1, Policy a2, String a3, String a4, String a5, IndexType a6, IndexCollectionType a7, Expression a8) {
        throw refused("createIndex(EventLoop,IndexListener,Policy,String,String,String,IndexType,IndexCollectionType,Expression)");
    }

    @Override
    public IndexTask dropIndex(Policy a0, String a1, String a2, String a3) {
        throw refused("dropIndex(Policy,String,String,String)");
    }

    @Override
    public void dropIndex(EventLoop a0, IndexListener a1, Policy a2, String a3, String a4, String a5) {
        throw refused("dropIndex(EventLoop,IndexListener,Policy,String,String,String)");
    }

    @Override
    public void info(EventLoop a0, InfoListener a1, InfoPolicy a2, Node a3, String... a4) {
        throw refused("info(EventLoop,InfoListener,InfoPolicy,Node,String...)");
    }

    @Override
    public void setXDRFilter(InfoPolicy a0, String a1, String a2, Expression a3) {
        throw refused("setXDRFilter(InfoPolicy,String,String,Expression)");
    }

    @Override
    public void createUser(AdminPolicy a0, String a1, String a2, List<String> a3) {
        throw refused("createUser(AdminPolicy,String,String,List<String>)");
    }

    @Override
    public void createPkiUser(AdminPolicy a0, String a1, List<String> a2) {
        throw refused("createPkiUser(AdminPolicy,String,List<String>)");
    }

    @Override
    public void dropUser(AdminPolicy a0, String a1) {
        throw refused("dropUser(AdminPolicy,String)");
    }

    @Override
    public void changePassword(AdminPolicy a0, String a1, String a2) {
        throw refused("changePassword(AdminPolicy,String,String)");
    }

    @Override
    public void grantRoles(AdminPolicy a0, String a1, List<String> a2) {
        throw refused("grantRoles(AdminPolicy,String,List<String>)");
    }

    @Override
    public void revokeRoles(AdminPolicy a0, String a1, List<String> a2) {
        throw refused("revokeRoles(AdminPolicy,String,List<String>)");
    }

    @Override
    public void createRole(AdminPolicy a0, String a1, List<Privilege> a2) {
        throw refused("createRole(AdminPolicy,String,List<Privilege>)");
    }

    @Override
    public void createRole(AdminPolicy a0, String a1, List<Privilege> a2, List<String> a3) {
        throw refused("createRole(AdminPolicy,String,List<Privilege>,List<String>)");
    }

    @Override
    public void createRole(AdminPolicy a0, String a1, List<Privilege> a2, List<String> a3, int a4, int a5) {
        throw refused("createRole(AdminPolicy,String,List<Privilege>,List<String>,int,int)");
    }

    @Override
    public void dropRole(AdminPolicy a0, String a1) {
        throw refused("dropRole(AdminPolicy,String)");
    }

    @Override
    public void grantPrivileges(AdminPolicy a0, String a1, List<Privilege> a2) {
        throw refused("grantPrivileges(AdminPolicy,String,List<Privilege>)");
    }

    @Override
    public void revokePrivileges(AdminPolicy a0, String a1, List<Privilege> a2) {
        throw refused("revokePrivileges(AdminPolicy,String,List<Privilege>)");
    }

    @Override
    public void setWhitelist(AdminPolicy a0, String a1, List<String> a2) {
        throw refused("setWhitelist(AdminPolicy,String,List<String>)");
    }

    @Override
    public void setQuotas(AdminPolicy a0, String a1, int a2, int a3) {
        throw refused("setQuotas(AdminPolicy,String,int,int)");
    }

    @Override
    public User queryUser(AdminPolicy a0, String a1) {
        throw refused("queryUser(AdminPolicy,String)");
    }

    @Override
    public List<User> queryUsers(AdminPolicy a0) {
        throw refused("queryUsers(AdminPolicy)");
    }

    @Override
    public Role queryRole(AdminPolicy a0, String a1) {
        throw refused("queryRole(AdminPolicy,String)");
    }

    @Override
    public List<Role> queryRoles(AdminPolicy a0) {
        throw refused("queryRoles(AdminPolicy)");
    }
}
