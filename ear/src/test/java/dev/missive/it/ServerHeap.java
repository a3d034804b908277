package dev.missive.it;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The suite's WildFly heap, read over JMX from the outside (the JDK's attach API starts its
 * local management agent): the heap in use, and the peak of each heap pool since a reset.
 */
final class ServerHeap implements AutoCloseable {

    private final JMXConnector connector;
    private final MemoryMXBean memory;
    private final List<MemoryPoolMXBean> heapPools;

    private ServerHeap(JMXConnector connector) throws IOException {
        this.connector = connector;
        MBeanServerConnection server = connector.getMBeanServerConnection();
        this.memory = ManagementFactory.newPlatformMXBeanProxy(
                server, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
        this.heapPools = ManagementFactory.getPlatformMXBeans(server, MemoryPoolMXBean.class).stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
    }

    /** Attaches to the WildFly this suite started (found by its home directory on the command line). */
    static ServerHeap attach() throws Exception {
        String home = "wildfly-" + System.getProperty("arquillian.launch");
        ProcessHandle wildfly = ProcessHandle.allProcesses()
                .filter(process -> process.info()
                        .commandLine()
                        .filter(line -> line.contains("jboss-modules")
                                && line.contains(home)
                                && line.contains(System.getProperty("missive.it.dir")))
                        .isPresent())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The suite's WildFly is not running"));
        VirtualMachine vm = VirtualMachine.attach(Long.toString(wildfly.pid()));
        try {
            return new ServerHeap(JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent())));
        } finally {
            vm.detach();
        }
    }

    /** Collects garbage and starts counting peaks from now; returns the heap in use after the collection. */
    long settle() {
        memory.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        return used();
    }

    long used() {
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** The most the heap pools held since {@link #settle()}: an upper bound of the heap's peak. */
    long peak() {
        return heapPools.stream()
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
